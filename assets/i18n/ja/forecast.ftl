# メッセージ： forecast (src/ui).
