# Messages of negotiation (src/ui).
