# 多くの画面で使う言葉。
app-title = Tradecraft（トレードクラフト）
app-tagline = 同盟国間の経済外交：紛争は首脳やメディアに届く前に、実務レベルで静かに解決する。
language = 言語
language-tip = すべての画面、用語集、シナリオの文章の言語です（英語しかない文章は英語で表示されます）。
months = { $n }か月
