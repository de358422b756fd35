# Messages of top_bar (src/ui).
