# 教員用コンソール、`tradecraft host`（src/ui/console.rs）。
console-window-title = Tradecraft — 教員用コンソール
console-heading = 教員用コンソール
console-date = { $date }（全{ $length }か月中{ $month }か月目）
console-join-at = チームの参加先：{ $addresses }
console-or = または
console-join-at-tip = 各チームのパソコンで、メインメニューの授業ゲーム欄にこのアドレスを入力し、陣営を選んで参加します。または `tradecraft join ADDRESS --side JPN` を実行します。このパソコンのファイアウォールでUDPポートを許可してください。
console-with-password = （パスワードあり）
console-over = 授業ゲームは終了しました。ログは `tradecraft sim` で再生できます（下のフォルダを参照）。
console-run = 今すぐ{ $n }か月進める
console-run-tip = まだ考えているチームがあっても、ホストに届いている指示でターンを進めます。
console-timer-paused = { $time }（一時停止中）
console-timer-left = 残り{ $time }
console-timer-resume = タイマーを再開
console-timer-pause = タイマーを一時停止
console-no-timer = タイマーなし：全チームの準備ができるとターンが進みます
console-timer = タイマー：
console-timer-off = なし
console-timer-minutes = { $n }分
console-end-confirm = 授業ゲームを今すぐ終了しますか？
console-end-yes = はい、終了します
console-end-no = いいえ
console-end = ゲームを終了

## 各陣営。
console-team-away = { $team }：離脱中（再参加できます）
console-no-team = チーム未参加
console-ready = 準備完了
console-thinking = 検討中…
console-approval = 支持率
console-capital = 政治資本
console-cpi = 物価（CPI）
console-jobs = 雇用
console-jobs-value = { $jobs }千人
console-trust-in = { $side }への信頼
console-score = 現在の得点
console-lobbies = 最も声の大きいロビー：{ $lobbies }
console-no-orders = このターンの指示はまだありません。
console-orders = このターンの指示：

## 世界。
console-disputes = 紛争
console-news = ニュース
console-rung-working-level = 実務レベル
console-rung-ministerial = 閣僚級
console-rung-dispute-settlement = 正式な紛争解決手続き
console-rung-leaders = 首脳級
console-rung-public = 公然の対立

## 授業の進行。
console-injects = 教員イベント
console-injects-tip = それぞれ一度だけ、次の月の初めに全チームの画面とログに表示されます。
console-inject-fired = { $title }（発動済み）
console-inject-fired-tip = すでに発動しました。
console-inject-waiting = { $title }（来月）
console-inject-waiting-tip = 月が進むと発動します。
console-inject-fire = 発動：{ $title }
console-speak = クラス全体へのメッセージ
console-speak-hint = 全チームの画面に表示されます
console-send = 全チームに送信
console-events = 指示、メッセージ、月の進行（リアルタイム）
console-this-machine = { $address }（このパソコン）

## 授業ゲームの記録（src/net/session.rs）。
console-teacher = 教員
console-event-listening = ポート{ $port }で待ち受け中
console-event-left = { $side }が退出しました（{ $why }）：再参加できます
console-event-joined = { $side }が参加しました（{ $name }、パソコン{ $laptop }、{ $month }か月目）
console-event-refused = パソコンの参加を拒否しました：{ $reason }
console-event-month = { $month }か月目が進みました（ハッシュ { $hash }）
console-event-months = { $from }～{ $to }か月目が進みました（ハッシュ { $hash }）
console-event-note = { $date } { $who }：{ $what }
console-event-who = { $side }（{ $name }）
console-event-said = { $what }：「{ $text }」
console-event-message = メッセージ
console-event-desync = 同期ずれ（{ $month }か月目）：{ $side }は{ $theirs }、ホストは{ $mine }。ホストの状態を{ $side }に送ります
console-event-not-kept = ゲームをディスクに保存できませんでした：{ $error }
console-event-paused = タイマーを一時停止しました
console-event-running = タイマーを再開しました
console-event-timer = タイマー：1ターン{ $minutes }分
console-event-timer-off = タイマーなし：全チームの準備ができるとターンが進みます
console-event-inject = 教員イベント「{ $title }」は次の月に発動します
console-event-ended = 教員が{ $month }か月目にゲームを終了しました

## `tradecraft host --headless`（src/cli/class.rs）。
console-cli-join-at = 授業ゲーム：チームの参加先 { $addresses }
console-cli-help = コマンド：next（今すぐ月を進める）、pause（一時停止）、go（タイマー再開）、inject ID（教員イベントを発動）、injects（一覧）、say TEXT（全チームへのメッセージ）、status（状況）、end（終了）、help（このヘルプ）
console-cli-over = 授業ゲームは{ $month }か月目で終了しました; state-hash: { $hash }
console-cli-kept = { $dir }に保存しました（class.commands.ron は `tradecraft sim` で再生できます）
console-cli-inject = { $id } — { $title }
console-cli-inject-fired = { $id } — { $title }（発動済み）
console-cli-status = { $month }か月目；チーム：{ $teams }；準備完了：{ $ready }；残り秒数：{ $left }
console-cli-status-paused = { $month }か月目；チーム：{ $teams }；準備完了：{ $ready }；残り秒数：{ $left }（一時停止中）
console-cli-record-bad = { $at }：{ $error }（`tradecraft host` が書いた class.ron を指定してください）
console-cli-record-newer = { $file }：新しいバージョンのTradecraftで書かれています。再開するにはそのバージョンをインストールしてください
console-cli-record-missing = 授業ゲームでプレイした{ $file }が{ $dir }にありません（または変更されています）。シナリオファイルも指定してください
console-cli-record-changed = { $path }は授業ゲームでプレイしたシナリオ（{ $file }）ではありません（その後変更されましたか？）
console-cli-give-scenario = シナリオファイルを指定するか、--resume class-game/class.ron を指定してください
