# 世界の状態から組み立てる文（src/ui/view）。
view-list-comma = {"、"}
view-offer = { $state }の提案：{ $parts }
view-offer-tariff-cut = あなたの国の{ $sector }への関税を{ $rate }%に引き下げ
view-offer-purchases = 年{ $amount }十億ドルの購入
view-offer-investment = { $amount }十億ドルの投資の約束
view-offer-leaving-out = { $sectors }は適用除外
view-offer-ask = ただし、あなたの国が相手の{ $sector }への関税を{ $rate }%に引き下げることが条件
view-answer = { $state }：{ $what } — { $reason }
view-answer-refused = { $state }：{ $what }（拒否：{ $reason }）
view-order-done = { $what }：実行済み
view-order-refused = { $what }：拒否 — { $reason }
view-series = { $who }：{ $what }
view-series-rung = エスカレーションの段階（0 実務レベル … 4 公の対立）
