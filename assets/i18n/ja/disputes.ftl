# メッセージ： disputes (src/ui).
