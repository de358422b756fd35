# Messages of government (src/ui).
