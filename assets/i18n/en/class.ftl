# Messages of class (src/ui).
