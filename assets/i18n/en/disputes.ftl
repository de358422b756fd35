# Messages of disputes (src/ui).
