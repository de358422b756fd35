# Messages of relations (src/ui).
