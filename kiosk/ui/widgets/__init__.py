"""Touch widgets: keypad, year-month picker, option buttons, kinetic scrolling, result pieces."""
