# メッセージ： glossary (src/ui).
