# コマンドラインの要約（src/cli/summary.rs）。--lang ja のとき日本語。
cli-title = { $title } [{ $id }]、シード { $seed }、{ $side }
cli-side = 陣営 { $side }（{ $name }）：シナリオに組まれたこの国の決定は行わない
cli-no-side = 陣営なし：すべての政府がシナリオとAIのとおりに動く
cli-sides = 陣営 { $sides }：シナリオに組まれたこれらの国の決定は行わない
cli-side-named = { $side }（{ $name }）
cli-before = 最初の月の前（{ $date }）：
cli-after = { $n }か月経過（{ $from }～{ $to }）：
cli-comma = 、
## 国の表：列の名前と単位。
cli-col-state = 国
cli-col-cpi = 物価指数
cli-col-jobs = 雇用
cli-col-welfare = 実質所得
cli-col-revenue = 関税収入
cli-col-approval = 支持率
cli-col-alignment = 立ち位置
cli-col-name = 国名
cli-unit-index = 指数
cli-unit-thousands = 千人
cli-unit-bn-usd-yr = 10億ドル/年
cli-legend = 物価指数（CPI）と実質所得は基準月＝100の指数。雇用はシナリオの産業の雇用、関税収入はその国の徴収額（年率）、支持率は指導者の支持率。
cli-legend-poles = { cli-legend }米中間の立ち位置は−1（{ $minus }寄り）～+1（{ $plus }寄り）。
## 紛争とエスカレーションの経過。
cli-disputes = 紛争（申立国 対 被申立国。[id]はCSVファイルでの識別子。注目度と信頼は0～1）：
cli-dispute = { $title } [{ $id }]、{ $a } 対 { $b }：{ $status }。注目度 { $salience }。{ $a }から{ $b }への信頼 { $trust_ab }、{ $b }から{ $a }への信頼 { $trust_ba }
cli-dispute-open = { $rung }の段階
cli-settled-in = { $date }に解決
cli-settled = 解決済み
cli-paths = エスカレーションの経過（段階：{ $ladder }）：
cli-path = { $title }：{ $path }
cli-path-since = { $stand }（{ $date }から）
cli-path-month = { $stand }（{ $date }）
cli-path-span = { $stand }（{ $from }～{ $to }）
cli-path-changes = { $title }（段階の変化{ $n }回）：
cli-path-years = { $from }～{ $to }年：{ $stand }
cli-path-year = { $year }年：{ $items }
cli-year-all = { $stand }（通年）
cli-year-month = { $stand }（{ $month }）
cli-year-span = { $stand }（{ $from }～{ $to }）
cli-month = { $m }月
cli-moved = 米中間の立ち位置の変化（{ $scale }、開始 → 現在）：{ $list }
## 枠組みへの加盟申請：賛成する加盟国の数の推移。
cli-application = { $framework }への{ $name }（{ $state }）の加盟申請：現在、加盟国{ $members }か国中{ $yes }か国が賛成。賛成国数は{ $path }
cli-count-since = { $date }から{ $value }
cli-count-from = { $date }から{ $value }
cli-count-changed = { $low }～{ $high }の間で{ $n }回変化、{ $date }から{ $value }
## 実際の経過との比較。指標と単位は指標の種類（exports:USA:autos の exports）ごとに訳す。
cli-history = 実際の経過と今回の結果（史実 / 今回）：
cli-history-row = { $what }、{ $indicator }［{ $unit }］：{ $cells }
cli-history-row-source = { $what }、{ $indicator }［{ $unit }］：{ $cells }（出典：{ $source }）
cli-indicator = { $kind ->
        [escalation] エスカレーション
        [approval] 支持率
        [cpi] 消費者物価指数
        [welfare] 実質所得
        [employment] 雇用（{ $id }）
        [tariff_revenue] 関税収入
        [quota_rents] 割当レント
        [exports] 輸出（{ $id }）
        [imports] 輸入（{ $id }）
        [output] 生産
        [capacity] 生産能力
        [wage] 賃金
        [land_rent] 地代
        [capital_return] 資本収益
        [price] 価格（{ $id }）
        [political_capital] 政治資本
        [alignment] 米中間の立ち位置
        [relocation_cost] 生産移転の費用
        [relocation] 生産移転
        [trust] 信頼
        [pressure] 圧力
        [salience] 注目度
        [organisation] 組織力
        [open] 未解決
        [stance] 姿勢
        [support] 支持
        [members] 加盟国数
       *[other] { $id }
    }
cli-unit = { $kind ->
        [escalation] 段階
        [approval] %
        [cpi] 指数、基準月＝100
        [welfare] 実質所得指数、基準月＝100
        [employment] 千人
        [tariff_revenue] 10億ドル/年
        [quota_rents] 10億ドル/年
        [exports] 10億ドル/年、基準年価格
        [imports] 10億ドル/年、基準年価格
        [output] 10億ドル/年
        [capacity] 10億ドル/年
        [wage] 指数、基準月＝1
        [land_rent] 指数、基準月＝1
        [capital_return] 指数、基準月＝1
        [price] 買い手価格指数、基準月＝1
        [political_capital] ポイント
        [alignment] −1（マイナスの極寄り）～+1（プラスの極寄り）
        [relocation_cost] その月に支出した10億ドル
        [relocation] ほかの供給元に移した購入額、10億ドル/年
        [trust] 0～1
        [pressure] 0～1
        [salience] 0～1
        [organisation] 0～1
        [open] 未解決なら1、解決後は0
        [stance] 紛争での公の強硬さ：0は中立、+0.5は毅然、+1は強硬（積み重なり、薄れていく）、負は融和的
        [support] 加盟国数
        [members] 加盟国数
       *[other] { $unit }
    }
cli-unit-rung = 段階
cli-not-recorded = （—は今回の実行で記録されていない値。相手国別の貿易、産業別の価格、信頼は、プレイヤーが率いる陣営（--side）と立ち位置の両極の国についてのみ記録される）
## 各陣営の得点。
cli-score = { $side }の得点：100点中{ $total }点
cli-objective = { $got } / { $weight }点  { $title }  { $detail }
