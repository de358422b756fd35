# メッセージ： top_bar (src/ui).
