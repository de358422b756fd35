# メッセージ： class (src/ui).
