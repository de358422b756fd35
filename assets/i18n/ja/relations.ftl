# メッセージ： relations (src/ui).
