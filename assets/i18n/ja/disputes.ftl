# 紛争パネル（src/ui/panels/disputes.rs）。
disputes-heading = 紛争
disputes-parties = { $a } 対 { $b }  ·  注目度 { $salience }%
disputes-salience-tip =
    注目度：メディアがどれだけ報じているか。段階ごとに毎月報道が加わり、強硬な発言は対立を過熱させます。
    { $salience_why }
    { $escalation_why }
disputes-settled = 解決済み。
disputes-rung-working-level = 実務レベル
disputes-rung-ministerial = 閣僚級
disputes-rung-dispute-settlement = 正式な紛争解決手続き
disputes-rung-leaders = 首脳級
disputes-rung-public = 公然の対立
disputes-no-talks = 協議なし
disputes-talks = { $channel }で協議中
disputes-channel-working-level = 実務レベル
disputes-channel-ministerial = 閣僚級
disputes-channel-leaders = 首脳会談
disputes-moved = 先月この段階に移りました
disputes-panel = パネルが審理中：裁定まであと{ $months }か月（首脳が取り下げない限り。取り下げの確率は月{ $up }%）
disputes-climb = 激化する確率は月{ $up }%
disputes-cool = 沈静化する確率は月{ $down }%
disputes-climb-cool = 激化する確率は月{ $up }%、沈静化する確率は月{ $down }%
disputes-lines-both = { $threshold }を超えると激化、{ $cooling }を下回ると沈静化
disputes-lines-threshold = しきい値 { $threshold }
disputes-pressure-line = { $talks } · 圧力 { $total }（{ $lines }） · { $odds }
disputes-on-the-table = 提示されている提案：{ $offer }
disputes-lobby = { $name }（{ $pressure }%）
disputes-list-separator = 、
disputes-pushing = 国内の圧力：{ $lobbies }
disputes-pushing-tip = これらの産業に利害を持つロビーと、その圧力。
disputes-talk = 実務レベルで協議
disputes-talk-tip = 無料。担当官が水面下で協議します：紛争は毎月少しずつ沈静化し、メディアの関心も薄れます。
disputes-conciliatory = 融和的な声明
disputes-conciliatory-tip = 無料。紛争を沈静化させ、自国の姿勢を和らげます。威嚇の後に引き下がると国内の支持率が下がります。
disputes-hostile = 強硬な声明
disputes-hostile-tip = 国内のロビーには受けがよいものの、紛争を過熱させ、注目度を15ポイント上げます：エスカレーションが速まります。
disputes-forecast = 予測
disputes-wto = WTOに提訴
disputes-wto-tip = 数か月の審理の後にパネルが裁定を下します。その間、紛争は正式な紛争解決手続きの段階にとどまります。
disputes-negotiate = 交渉…
disputes-negotiate-tip = 関税引き下げ、適用除外、購入、投資を組み合わせた提案を作ります。首脳会談には政治資本が{ $cost }必要です。
disputes-accept = 相手の提案を受諾
disputes-quiet = { $months }か月動きなし：メディアの関心が薄れています
disputes-quiet-tip = 報道疲れ：この紛争では{ $months }か月間、新しい動きがありません（激化も強硬な発言もなし）。そのため、この段階が毎月もたらす報道は通常の{ $left }%まで減り、{ $half }か月ごとに半減します。注目度が下がり、それとともに激化への圧力も下がります。強硬な声明や激化があれば、再びニュースになります。
disputes-pressure-why =
    激化しうる理由（先月）：
      国内のロビー　{ $lobby }
      報道の注目度　{ $salience }
      発言の過熱　{ $heat }
      新たな関税　{ $retaliation }
      実務レベルの協議　{ $working }
      沈静要因（提案、融和的な発言）　{ $calm }
      この段階にいる期間　{ $time }
    = 圧力 { $total }。{ $threshold }を超えると激化しやすく、{ $cooling }を下回ると沈静化しやすくなります
