# メッセージ： end (src/ui).
