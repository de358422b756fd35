# メッセージ： negotiation (src/ui).
