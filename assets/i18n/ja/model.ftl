# モデルの説明とニュース（src/sim）。読まれるときに読み手の言語で表示される。
cause-list-separator = {"、"}
cause-trust-recovering = 今月は摩擦なし：上限の{ $ceiling }%に向けて回復中
cause-trust-fading = 好意が薄れ、上限の{ $ceiling }%に向けて低下中
cause-trust-dispute = { $title }：紛争は{ $stage }にある
cause-trust-tariffs = { $by }の関税（平均{ $rate }%）
cause-relocation = 調達リスクが基準より{ $excess }（しきい値{ $threshold }）：買い手は購入の{ $share }%を信頼できる供給国へ移す
cause-welfare = 関税収入 年{ $revenue }（基準{ $revenue0 }）、割当レント 年{ $rents }、消費者物価指数 { $cpi }、生産移転の費用 { $relocation }
cause-approval-part = { $part } { $points }ポイント
cause-jobs = { $sector }の雇用が基準月比{ $change }千人；{ $story }
cause-market = { $buyer }向け{ $sector }の販売が基準月比{ $change }%（{ $measures }）
cause-market-none = 輸出市場に変化なし
cause-market-controlled = 輸出規制
cause-market-diversion = 他国の価格（貿易転換）
approval-part-reversion = 通常水準への回帰
approval-part-income = 実質所得
approval-part-inflation = 物価上昇
approval-part-jobs = 雇用
approval-part-lobbies = 応えていないロビーの要求
approval-part-rally = 公の場での毅然とした姿勢
rung-working-level = 実務レベル
rung-ministerial = 閣僚級
rung-dispute-settlement = 正式な紛争解決手続き
rung-leaders = 首脳級
rung-public = 公然の対立
rung-stage-working-level = 実務レベル
rung-stage-ministerial = 閣僚級
rung-stage-dispute-settlement = 正式な紛争解決手続き
rung-stage-leaders = 首脳級
rung-stage-public = 公然の対立
news-panel-rules = { $title }についてパネルが裁定、協議再開
news-dispute-escalates = { $title }：紛争が{ $stage }に激化
news-dispute-cools = { $title }：紛争が{ $stage }に沈静化
news-new-dispute = 新たな紛争：{ $title }
dispute-title-tariffs = { $by }による{ $target }の{ $sector }への関税
dispute-title-goods = 製品
news-as-written = { $text }
news-keeps-office = { $state }：{ $who }が{ $vote }を経て続投（支持率{ $approval }%）
news-loses-vote = { $who }が{ $vote }で敗北（支持率{ $approval }%）
news-successor-due = { $state }：{ $what }。{ $date }に{ $successor }が就任予定
news-takes-office = { $state }：{ $successor }が就任（{ $because }）
news-takes-office-freed = { $headline }。新指導者は{ POSSESSIVE($old) }公の姿勢（{ $titles }）に縛られない
leader-of = { $state }の指導者
leader-new = 新しい指導者
leader-successor-of = { $old }の後継者
leader-lost-vote = { $who }が{ $vote }で敗北（支持率{ $approval }%）
leader-did-not-stand = { $who }は{ $vote }に出馬せず
leader-replaced-by-party = 支持率が{ $floor }%を下回る状態が{ $months }か月続き、党は{ $who }を交代させた（現在{ $approval }%）
cause-stances-freed = { $state }：{ $successor }は{ POSSESSIVE($old) }公の発言に縛られない
list-separator = {"；"}
stance-deference-lost = { $pole }への配慮が低下（{ $value }：{ $pole }への信頼{ $trust }%、輸出の{ $share }%が向かう）
stance-deference-grown = { $pole }への配慮が上昇（{ $value }：{ $pole }への信頼{ $trust }%、輸出の{ $share }%が向かう）
stance-market = { $who }市場が今や輸出の{ $share }%を占める（{ $value }）
stance-courted = { $who }からの働きかけ（{ $value }）
stance-pressure = 他の加盟国からの圧力（{ $value }）
stance-affinity = 米中間の立ち位置と信頼における{ $who }との距離（{ $value }）
stance-declared-supports = 表明：支持（姿勢{ $total }：{ $parts }）
stance-declared-opposes = 表明：反対（姿勢{ $total }：{ $parts }）
stance-total = 姿勢{ $total }：{ $parts }
news-now-backs-bid = { $member }が{ $applicant }の{ $framework }加盟申請を支持に転じる：{ $why }
news-no-longer-backs-bid = { $member }が{ $applicant }の{ $framework }加盟申請への支持を撤回：{ $why }
news-joins-framework = { $state }が加盟国の全会一致で{ $framework }に加盟
cause-member-stance = { $member }：{ $why }
objective-approval = 支持率が{ $floor }%以上だった月：{ $months }か月中{ $above }か月
objective-public = 公然の対立に達した紛争{ $disputes }件、公然の対立{ $months }か月
objective-trust = { $of }の{ $side }への信頼は{ $trust }%（目標{ $goal }%）
objective-applicant-joined = { $applicant }は{ $framework }に加盟した
objective-applicant-out = { $applicant }は{ $framework }に加盟していない
objective-member = { $state }は{ $framework }の加盟国
objective-not-member = { $state }は{ $framework }の加盟国ではない
objective-sector-jobs = { $sector }の雇用は当初の{ $ratio }%（目標{ $goal }%）
objective-welfare = 実質所得指数 { $welfare }（基準月＝100、目標{ $goal }）
objective-average = { $indicator }の{ $months }か月平均は{ $average }（目標{ $goal }{ $unit }）
objective-never-opened = { $id }：紛争は起きなかった
objective-settled = { $title }：{ $date }に解決
objective-still-open = { $title }：未解決、{ $stage }
# 政府（AI）の行動の理由（src/sim/ai）。
doctrine-protectionist = 保護主義的な
doctrine-free-trading = 自由貿易志向の
doctrine-hedging = ヘッジ志向の
doctrine-coercive = 威圧的な
ai-answer-offer = { $why }（{ $doctrine }政府）
ai-why-worth-more = この合意は争い続けるより価値がある
ai-why-gives-less = この合意で得るものは手放すもの（求められた引き下げや撤回する保護）より少ない
ai-why-lobbies = 国内のロビーの圧力が強すぎて、この内容では妥結できない
ai-why-face = 公の場で強硬な姿勢をとっており、この内容で引き下がれば面子を失う
ai-answers-in-kind = { $them }が{ $sector }に{ $rate }%の関税を課した。{ $doctrine }政府は同等の措置で応じる
ai-lobbies-press = ロビーの圧力（{ $pressure }%）
ai-coercion = 経済的威圧：世界の{ $sector }の大半を握り、{ $them }はそれに依存している
ai-limited-deal = { $doctrine }政府は限定的な合意を目指す
ai-limited-deal-leaving-out = { $doctrine }政府は{ $protected }を除外した限定的な合意を目指す
ai-control-lifted = 紛争が沈静化したため規制を解除
ai-squeezes-veto = 過半数が支持する{ $framework }加盟申請を拒否した{ $state }に圧力をかける
ai-joins-control = { $pole }による{ $target }向け{ $sector }の輸出規制に加わる
ai-courts = { $pole }への信頼が低下した{ $state }に働きかけ、{ $framework }加盟申請への賛成票を得ようとする
ai-lobby-presses = { $lobby }が要求（圧力{ $pressure }%）：{ $source }からの輸入が会員と競合
cause-output-cap = { $state }の{ $input }は通常の{ $available }%（在庫は残り{ $stock }か月分、代替による必要量の削減は{ $need }%まで）
cause-ceiling-fell = 信頼の上限が下がった
cause-alignment = 信頼性の差 { $credibility }、貿易の傾き { $tilt }
cause-lobby-pressure = 基準月比で会員の雇用 { $jobs }%、生産要素の収益 { $returns }%
cause-climbed = { $stage }に激化：圧力 { $pressure }（ロビー { $lobbies }、注目度 { $salience }、過熱 { $heat }、報復 { $retaliation }、沈静 { $calm }）
cause-cooled = { $stage }に沈静化：圧力 { $pressure }（ロビー { $lobbies }、注目度 { $salience }、過熱 { $heat }、報復 { $retaliation }、沈静 { $calm }）
cause-salience = 段階：{ $rung }、過熱 { $heat }
cause-deal-concluded = { $dispute }で合意が成立
cause-first-polls = { $successor }が就任（{ $because }）：新指導者の最初の支持率
cause-new-capital = { $successor }が就任（{ $because }）：新指導者の政治資本
cause-blocks = { $holdout }が{ $framework }で{ $applicant }の加盟を阻む
# 国の消費者物価指数を動かしたもの（src/sim/explain.rs）：発動中の関税とそれぞれの寄与。
cause-cpi = 消費者物価指数 { $cpi }。発動中の関税と物価水準への寄与：{ $parts }。今月の変化の残りは生産者価格と需要による
cause-cpi-part = { $label }（{ $points }）
cause-cpi-no-tariff = 輸入価格と生産者価格が動いた（需要、生産能力、投入費用）。自国の関税によるものではない
cause-employment-lag = 雇用は生産に遅れて動く
cause-comma-list = { $first }、{ $rest }
# ロビーの要求が満たされた（src/sim/lobbies.rs と、それを満たす仕組み）。
cause-won-protection = 保護を勝ち取った
cause-relief-in-deal = 合意で関税の軽減を勝ち取った
cause-carved-out = 合意から除外された産業
cause-relief-restraint = 救済を勝ち取った：{ $by }が輸出を自主規制
cause-acquisition-conditions = { $title }の条件：黄金株と拘束力のある約束
cause-acquisition-approved-conditions = { $title }を条件付きで承認
cause-acquisition-approved = { $title }を承認
cause-acquisition-blocked = { $title }を阻止：公然の拒絶
cause-backing-down = { $title }で公に強硬な姿勢をとった後に譲歩した
cause-courted = { $who }からの働きかけ
# 原因の中の措置（src/sim/explain.rs）：誰が、何に、誰に対して。「すべて」の相手国・品目。
measure-tariff = { $by }による{ $target }の{ $sector }への関税{ $rate }%{ $basis }
measure-quota = { $by }による{ $target }の{ $sector }への輸入割当 年{ BN_USD($volume) }
measure-restraint = { $target }による{ $by }向け{ $sector }輸出の自主規制 年{ BN_USD($volume) }
measure-ver = { $by }が求める{ $target }の{ $sector }の輸出自主規制 年{ BN_USD($volume) }
measure-export-control = { $by }による{ $target }向け{ $sector }の輸出規制
measure-all-partners = 全相手国
measure-all-goods = 全品目
measure-basis = （{ $basis }）
# 指示によって設けた措置にモデルが付ける法的根拠（src/sim/measures.rs）。
measure-basis-executive-order = 行政命令
measure-basis-import-quota = 輸入割当
measure-basis-ver = 輸出自主規制
measure-basis-self-imposed = 輸出自主規制（自主的）
measure-basis-export-control = 輸出規制
measure-basis-trade-agreement = 貿易協定
# モデルが指示を拒否した理由（src/sim）。
refusal-no-state = 国「{ $id }」はありません
refusal-no-sector = 産業「{ $id }」はありません
refusal-no-dispute = 紛争「{ $id }」はありません
refusal-self-target = 自国を対象に措置を取ることはできません
refusal-out-of-range = { $what }は{ $lo }から{ $hi }の間でなければなりません（指定は{ $value }）
refusal-what-tariff-rate = 関税率
refusal-what-quota-volume = 輸入割当の量
refusal-what-restraint-volume = 自主規制の量
refusal-what-offered-rate = 提案する関税率
refusal-what-asked-rate = 要求する関税率
refusal-what-purchases = 購入額
refusal-what-investment = 投資額
refusal-quota-all = 輸入割当は「すべて」ではなく一つの相手国を対象にする必要があります
refusal-restraint-all = 自主規制は「すべて」ではなく一つの市場を対象にする必要があります
refusal-what-tariff = 関税
refusal-what-quota = 輸入割当
refusal-nothing-to-remove = { $me }には撤廃できる{ $target }の{ $sector }への{ $what }がありません
refusal-nothing-to-remove-under = { $me }には撤廃できる{ $basis }に基づく{ $target }の{ $sector }への{ $what }がありません
refusal-no-restraint = { $me }には解除できる{ $target }向け{ $sector }輸出の自主規制がありません
refusal-already-controls = { $me }はすでに{ $target }向け{ $sector }の輸出を規制しています
refusal-no-control = { $me }には解除できる{ $target }向け{ $sector }の輸出規制がありません
refusal-inject-not-teacher = { $by }はイベントを発動できません：発動するのは教員です
refusal-teacher-injects-only = 教員が出せるのはイベントの発動だけです（{ $command }は出せません）
refusal-command-kind = { $kind ->
        [SetTariff] 関税の設定
        [RemoveTariff] 関税の撤廃
        [SetQuota] 輸入割当の設定
        [RemoveQuota] 輸入割当の撤廃
        [RestrainExports] 輸出の自主規制
        [LiftRestraint] 自主規制の解除
        [ImposeExportControl] 輸出規制の発動
        [LiftExportControl] 輸出規制の解除
        [OpenNegotiation] 協議の開始
        [MakeOffer] 提案
        [AcceptOffer] 提案の受諾
        [RejectOffer] 提案の拒否
        [FileDispute] 紛争解決手続きへの付託
        [Statement] 声明
        [ReviewAcquisition] 買収の審査
        [VoteOnApplicant] 加盟申請への投票
        [Court] 働きかけ
        [Inject] イベントの発動
       *[other] { $kind }
    }
refusal-inject-teachers = イベントを発動するのは教員です
refusal-inject-fired = 「{ $title }」はすでに発動済みです
refusal-no-inject-none = イベント「{ $id }」はありません：このシナリオにはイベントがありません
refusal-no-inject = イベント「{ $id }」はありません。このシナリオのイベント：{ $known }
refusal-no-framework = 枠組み「{ $id }」はありません
refusal-not-applied = { $applicant }は{ $framework }への加盟を申請していません
refusal-court-self = 自国に働きかけることはできません
refusal-conditions-need-approval = 条件は承認に付けるものです：阻止する買収には付けられません
refusal-no-acquisition = 買収「{ $id }」はありません
# 政府の行動の理由の続き（src/sim/ai）。
ai-retaliation-announced = 報復を表明
ai-to-panel = 報復ではなくルールで：関税をパネルに付託する
ai-back-to-working-level = 争いを実務レベルに戻す
ai-lowers-temperature = 緊張を和らげる
ai-control-costs = { $sector }の販売が{ $down }%減り、支持率は{ $approval }%に低下：{ $target }への規制は、{ $pole }にとっての価値より国内での代償が大きい
# 目標の指標と単位（src/sim/objectives.rs、src/sim/units.rs）。
objective-indicator = { $kind ->
        [cpi] 消費者物価指数
        [employment] 雇用
        [welfare] 実質所得
        [tariff_revenue] 関税収入
        [quota_rents] 割当レント
        [exports] 輸出
        [imports] 輸入
        [wage] 賃金
        [land_rent] 地代
        [capital_return] 資本収益
        [approval] 支持率
        [political_capital] 政治資本
        [alignment] 米中間の立ち位置
        [relocation_cost] 生産移転の費用
       *[other] { $id }
    }
objective-unit = { $kind ->
        [cpi] 、指数、基準月＝100
        [employment] 、千人
        [welfare] 、実質所得指数、基準月＝100
        [tariff_revenue] 、10億ドル/年
        [quota_rents] 、10億ドル/年
        [exports] 、10億ドル/年、基準年価格
        [imports] 、10億ドル/年、基準年価格
        [wage] 、指数、基準月＝1
        [land_rent] 、指数、基準月＝1
        [capital_return] 、指数、基準月＝1
        [approval] 、支持の割合、0～1（0.45＝45%）
        [political_capital] 、ポイント
        [alignment] 、−1（マイナスの極寄り）～+1（プラスの極寄り）
        [relocation_cost] 、その月に支出した10億ドル
       *[other] 、{ $unit }
    }
