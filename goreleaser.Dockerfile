# The release image. GoReleaser builds it from the release binaries
# (.goreleaser.yaml, dockers_v2): it puts each platform's binary in the build
# context under $TARGETPLATFORM/, so this file does not build with
# 'docker build .'. Use the published image:
#   docker run --rm -v "$PWD:/work" ghcr.io/noticelint/noticelint lint notices/
FROM alpine:3.22

# git for --new-from-rev and 'noticelint diff REV:PATH'. A repository mounted
# from the host belongs to another user, which git refuses to read unless
# told it is safe.
RUN apk add --no-cache git && git config --system --add safe.directory '*'

ARG TARGETPLATFORM
COPY $TARGETPLATFORM/noticelint /usr/local/bin/noticelint

WORKDIR /work
ENTRYPOINT ["noticelint"]
CMD ["--help"]
