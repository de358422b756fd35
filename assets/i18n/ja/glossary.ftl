# 用語集（src/ui/glossary.rs）、用語集ウィンドウと地図のホバーカード（src/ui/panels/help.rs）。

## ツールチップとウィンドウ：用語ともう一方の言語の用語、用語とその説明。
glossary-term-both = { $term }（{ $other }）
glossary-tooltip = { $term }：{ $text }

## 項目：glossary-ID が用語、glossary-ID-text がその説明。
glossary-alliance-credibility = 同盟の信頼性
glossary-alliance-credibility-text = ある国が大国をどこまで当てにできるか。周囲の国々は、その大国が同盟国をどう扱うかを見て判断する。友好国への関税や公然の対立は信頼性を下げ、合意は高める。信頼性が下がると、第三国はヘッジを始める。
glossary-weaponization = 経済の武器化
glossary-weaponization-text = 貿易を力の手段として使うこと。半導体の輸出規制、レアアースの輸出停止（2010年、中国から日本へ）、脅しとしての関税など。効果があるのは、相手がほかから調達できない範囲に限られる。
glossary-friend-shoring = フレンドショアリング
glossary-friend-shoring-text = 競争相手からの調達に危うさを感じたとき、サプライチェーンを信頼できる相手国に移すこと。時間がかかり、投資を要し、リスクが薄れても元には戻らない。一度建てた工場はそこに残るからだ。
glossary-hedging = ヘッジ
glossary-hedging-text = 米国と中国のどちらかにつくのではなく、両者の間で選択肢を残しておくこと。米国の信頼性が下がり、中国との貿易が深まるほど、各国はヘッジを強める。
glossary-stolper-samuelson = ストルパー＝サミュエルソン定理
glossary-stolper-samuelson-text = 通商政策は、誰がどれだけ稼ぐかを変える。労働集約的な産業を保護すると、賃金はその製品価格の上昇率を上回って上がり、ほかの生産要素の報酬は下がる。労働者、農家、資本の所有者がそれぞれ異なる政策を求めてロビー活動をするのはそのためだ。
glossary-two-level-games = 2レベル・ゲーム
glossary-two-level-games-text = 交渉者は国外と国内で同時に交渉している（Putnam 1988）。合意は相手国だけでなく、国内のロビーや有権者も満足させなければならない。ロビーが強いほど、合意できる範囲は狭まる。
glossary-audience-costs = 観衆費用
glossary-audience-costs-text = 公の場で脅しをかけてから引き下がった指導者は、国内で代償を払う（Fearon 1994）。公然と強硬な姿勢をとると、しばらくは支持を得る。だからこそ、紛争が大きく報じられるようになると、後退の代償は高くつく。
glossary-leadership-change = 指導者の交代
glossary-leadership-change-text = 指導者は選挙で有権者に対して責任を負い、議院内閣制では選挙と選挙の間も自らの党に対して責任を負う。不人気な現職は予定どおりの選挙で敗れる。何か月も支持率の深刻な低迷が続く首相は、党によって交代させられる（日本、2025年：参院選敗北後の石破首相）。新しい指導者はハネムーン期間から出発し、前任者が公に行った脅しに縛られないため、観衆費用を払わずに妥結できる。
glossary-escalation-ladder = エスカレーションの階段
glossary-escalation-ladder-text = 実務レベル › 閣僚級 › 正式な紛争解決手続き › 首脳級 › 公然の対立。上の段は公開の場で争われる。メディアの注目がそれをあおり、そこで失った信頼は完全には戻らない。
glossary-ver = 輸出自主規制
glossary-ver-text = 輸出国が自らの販売量を制限すること（1981年、日本の対米自動車輸出168万台）。上限の内側で価格が上がり、希少性レントは輸入国の国庫ではなく輸出国側に入る。
glossary-section-232 = 通商拡大法232条
glossary-section-232-text = 国家安全保障を脅かす輸入を大統領が制限できる米国の法律。鉄鋼・アルミニウム（2018年、2025年）と自動車（2025年）に発動された。
glossary-section-301 = 通商法301条
glossary-section-301-text = 相手国の「不公正な」慣行に対抗する米国の法律。1995年の日本製高級車への100%関税の脅しと、2018年の対中関税の根拠となった。
glossary-wto-dispute-settlement = WTO紛争解決
glossary-wto-dispute-settlement-text = 専門家によるパネルが申し立てについて、通常12～18か月で判断を下す。その間、紛争は沈静化する。2019年以降、上級委員会に委員が一人もいないため、敗れた側は「空上訴」（appeal into the void）ができる。

## 用語集ウィンドウ（src/ui/panels/help.rs）：各用語の後ろに、もう一方の言語の用語。
help-glossary-other = （{ $term }）

## 地図のホバーカード（src/ui/panels/help.rs）。
help-map-not-in-scenario = { $country }：このシナリオには登場しません
help-map-alignment = 米中間の立ち位置 { $value }（−1 中国 … +1 米国）
help-map-approval = 支持率 { $approval }%  ·  CPI { $cpi }
help-map-trust = { $player }への信頼：{ $trust }  ·  { $player }からの信頼：{ $theirs }
help-map-trade = { $player }との貿易：年{ $amount }
