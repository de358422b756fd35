# メッセージ： industries (src/ui).
