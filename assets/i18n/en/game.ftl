# Messages of game (src/ui).
