# メッセージ： game (src/ui).
