# Messages of end (src/ui).
