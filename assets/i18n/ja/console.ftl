# メッセージ： console (src/ui).
