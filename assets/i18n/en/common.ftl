# Words many screens share.
app-title = Tradecraft
app-tagline = Economic statecraft between allies: settle disputes quietly, before they reach the leaders and the press.
language = Language
language-tip = The language of every screen, the glossary and the scenarios' texts (a text a scenario has only in English shows in English).
months = { $n ->
    [one] { $n } month
   *[other] { $n } months
}
