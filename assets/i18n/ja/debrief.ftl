# クラスの振り返り（1ページのHTML。src/report/debrief_html.rs、src/report/debrief.rs、
# tradecraft debrief）。<b>、<code> はページの書式。プレースホルダーはエスケープ済み。
debrief-title = 振り返り：{ $title }
debrief-intro = シナリオ <code>{ $id }</code>（{ $start }から{ $months }か月）の{ $runs }回のプレイを、<b>{ $side }</b>の側から見た振り返り。Tradecraft { $version } で作成。
debrief-legend-history-run = 史実の決定をモデルで再現した経過
debrief-legend-recorded = 史実で記録された値
## プレイの名前：史実の経過の短い名前（列・行）と正式な名前。
debrief-history-short = 史実
debrief-history-run = 史実の決定
## プレイの一覧。
debrief-runs = 各プレイ
debrief-col-number = 番号
debrief-col-run = プレイ
debrief-col-seed = シード
debrief-col-people = 人が率いた国
debrief-col-months = 月数
debrief-col-score = { $side }の得点
debrief-col-hash = 状態ハッシュ
debrief-nobody = なし
debrief-unfinished = { $months }（途中）
debrief-comma = 、
## プレイが分かれたところ。
debrief-parted = プレイが分かれたところ
debrief-one-run = プレイが1つだけなので、比べるものがありません。このシナリオのプレイを複数指定してください。
debrief-no-parting = すべてのプレイが、同じ月に同じ決定をしました。
debrief-parted-at = プレイが最初に分かれたのは<b>{ $date }</b>です。以下の決定は、すべてのプレイが同じ月に行ったものではありません（各欄は、そのプレイがその決定をした月）。最後の2列は、その決定をしたプレイとしなかったプレイでの{ $side }の平均得点です。クラスの十数回のプレイでは、原因ではなく議論の手がかりとして読んでください。
debrief-col-decision = 決定
debrief-col-by = 決定した国
debrief-col-with = 決定したプレイの平均得点
debrief-col-without = しなかったプレイ
debrief-teacher = 教員
## 得点。
debrief-scores = プレイごとの得点
debrief-score-spread = { $side }：最低 { $lowest }点、中央値 { $median }点、最高 { $highest }点（100点満点）。
## 主要な指標：グラフの見出しと単位。
debrief-series = 主要な指標
debrief-series-approval = { $side }：政府の支持率
debrief-unit-approval = 支持する人の割合、0～1（0.45＝45%）
debrief-series-trust = { $side }から{ $partner }への信頼
debrief-unit-trust = 0（なし）～1（完全）
debrief-series-cpi = { $side }：消費者物価
debrief-unit-cpi = 指数、基準月＝100
debrief-series-jobs = { $side }：シナリオの産業の雇用
debrief-unit-jobs = 千人
debrief-series-watchers = 見守る国々の米中間の立ち位置（両陣営と両極を除くすべての国の平均）
debrief-unit-watchers = −1（{ $minus }寄り）～+1（{ $plus }寄り）
## 紛争のエスカレーション。
debrief-ladders = 紛争のエスカレーション
debrief-endings = 各紛争の結末（括弧内は公然の対立の段階にあった月数）
debrief-col-dispute = 紛争
debrief-col-parties = 当事国
debrief-parties = { $a } 対 { $b }
debrief-dispute-id = [<code>{ $id }</code>] { $a } 対 { $b }
debrief-not-opened = 起きなかった
debrief-settled = 解決済み
debrief-ending-public = { $ending }（{ $months }）
debrief-others-same = ほかの{ $n }件の紛争は、すべてのプレイで同じ結末でした（月ごとの推移は下の表）。
debrief-rungs-note = 段階：実＝実務レベル、閣＝閣僚級、紛＝正式な紛争解決手続き、首＝首脳級、公＝公然の対立。緑：解決済み、空欄：紛争なし。グラフでは、同じ段階にあるプレイの線が見えるよう、線を少しずつずらしています。
debrief-not-party = { $side }が当事国でない紛争
## 段階の表の1か月の欄：その文字と、ツールチップ。
debrief-rung-short-working-level = 実
debrief-rung-short-ministerial = 閣
debrief-rung-short-dispute-settlement = 紛
debrief-rung-short-leaders = 首
debrief-rung-short-public = 公
debrief-cell = { $date }：{ $rung }
debrief-cell-settled = { $date }：解決済み
## 段階のグラフの軸の目盛り。
debrief-axis-working-level = 実務レベル
debrief-axis-ministerial = 閣僚級
debrief-axis-dispute-settlement = 紛争解決
debrief-axis-leaders = 首脳級
debrief-axis-public = 公然の対立
## 目標ごとの得点。
debrief-objectives = 目標ごとの得点
debrief-objectives-note = 目標の配点のうち獲得した点。各プレイの詳細は、欄にカーソルを合わせると表示されます。
debrief-col-objective = 目標
debrief-col-weight = 配点
debrief-total = 合計
## ゲーム自身のプレイ（終了画面からの書き出し）の名前。英語ではセーブの名前。
debrief-your-game = あなたのゲーム
## tradecraft debrief が表示する行。
debrief-written = { $path }：{ $id } の{ $runs }回のプレイを{ $side }の側から
debrief-written-history = { $path }：{ $id } の{ $runs }回のプレイを{ $side }の側から、史実の決定と並べて
