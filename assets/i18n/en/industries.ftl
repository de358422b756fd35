# Messages of industries (src/ui).
