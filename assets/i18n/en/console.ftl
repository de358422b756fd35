# Messages of console (src/ui).
