# Messages of glossary (src/ui).
