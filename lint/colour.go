package lint

import "github.com/fatih/color"

// Colour returns a colour that follows color.NoColor as it is when called,
// which the caller sets from --color. color.New alone turns itself off
// whenever NO_COLOR is set, so "--color always" would lose to the
// environment; an explicit flag must win.
func Colour(attrs ...color.Attribute) *color.Color {
	c := color.New(attrs...)
	if color.NoColor {
		c.DisableColor()
	} else {
		c.EnableColor()
	}
	return c
}
