# The settings window (src/ui/panels/settings.rs).
settings-language = Language:
settings-scale = UI scale:
settings-reset = Reset
settings-contrast = High contrast (for a projector)
settings-contrast-tip = White text on black; with a larger UI scale a class can read it from the back of the room.
settings-name = Your name (or your team's):
settings-name-tip = It goes into the names of your save files.
settings-saved = Saved for the next game.
