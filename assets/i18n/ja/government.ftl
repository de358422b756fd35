# メッセージ： government (src/ui).
