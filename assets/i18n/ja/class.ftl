# チームの画面での授業ゲーム（src/ui/panels/class.rs）。
class-over = 授業ゲームは終了しました
class-ready-sent = 準備完了：送信済み
class-ready-sent-tip = 指示はホストに届いています。全チームが準備完了になるか、教員のタイマーが切れるか、教員が進めると1か月が進みます。
class-ready = 準備完了
class-ready-tip =
    ピリオド（.）

    指示（とメッセージ、提案があればそれも）をホストに送ります。全チームが準備完了になると1か月が進みます。
class-waiting-for = 待機中：{ $sides }
class-paused = { $clock }（一時停止中）
class-timer-tip = このターンの残り時間。時間が切れると、ホストに届いている指示で1か月が進みます。
class-desync = 同期ずれ
class-desync-tip = このパソコンの世界がホストのものと食い違っています。ホストが状態を送り直します。
class-rejoin = 再参加
class-rejoin-tip = 同じチームとして接続し直します。ゲームはホストの記録から追いつきます。
class-no-messages = まだメッセージはありません。ここに書いたことは相手チームと教員に届きます。
class-message-hint = 相手チームへのメッセージ（「準備完了」を押すと提案と一緒に送られます）
class-send-now = 今すぐ送信
class-joining = 授業ゲームに参加中
class-joining-note = 教員用コンソールに、アドレスとあなたのチームが参加したかどうかが表示されます。
class-main-menu = メインメニュー

## 授業ゲームの文：通信とホストの記録では英語のまま、各パソコンで読み手の言語にします
## （src/net/wording.rs が英語から読み戻します）。
class-as-is = { $text }
class-order-note = { $order }：{ $note }
class-teacher = 教員
class-who = { $name }（{ $side }）
class-desync-line = { $month }か月目：このパソコン { $mine }、ホスト { $host }
class-refused-one-side = このパソコンはすでに{ $held }を担当しています。1台のパソコンで担当できるのは1つの陣営だけです
class-refused-version = このゲームはTradecraft { $mine }（プロトコル{ $protocol }）で動いています。お使いのものは{ $version }（プロトコル{ $theirs }）です。同じバージョンをインストールしてください
class-refused-changed-file = お使いのlevels/{ $file }はホストのものと異なります（こちら{ $yours }、ホスト{ $hosts }）。ホストのファイルをlevels/にコピーしてください
class-refused-no-file = ホストのシナリオ{ $file }（{ $hash }）がありません。levels/にコピーしてください
class-refused-password = パスワードが違います。教員に確認してください
class-refused-not-a-side = 「{ $side }」はこのゲームでチームが担当する陣営ではありません。陣営：{ $sides }
class-refused-taken = { $side }はすでに別のチームが担当しています（接続が切れる前にこのパソコンが担当していたのなら、ホストは15秒以内に古い接続を解放します。そのあとで参加し直してください）
class-rejected-join-first = 先にゲームに参加してください
class-rejected-month = { $month }か月目は今プレイ中の月（{ $now }か月目）ではありません
class-rejected-over = 授業ゲームは終了しました
class-rejected-long = { $n }文字のメッセージです。{ $max }文字以内にしてください
class-rejected-too-many = 今月はすでに{ $max }件の命令とメッセージを送りました。続きは来月に受け付けます
class-rejected-big-order = ゲームが作るどの命令よりも長い命令です（{ $max }バイト超）。送信されませんでした
class-inject-fired = { $title }はすでに発動しています
class-bad-size = { $bytes }バイトのメッセージは上限の{ $max }バイトを超えています
class-bad-text = テキストではないメッセージです：{ $error }
class-bad-form = 形式が正しくないメッセージです：{ $error }
class-host-sent = ホストから届いたもの：{ $error }
class-state-restored = ホストの状態を復元しました
class-state-not-restored = ホストの状態を復元できませんでした：{ $error }
class-join-late = ホストは{ $start }か月目から始まり、{ $month }か月目より後です
class-no-scenario = ホストがプレイしている{ $file }がこのパソコンにありません。levels/にコピーしてください
class-host-not-a-side = 「{ $side }」はプレイできる陣営ではありません。陣営：{ $sides }
class-host-turn-length = 1ターン{ $n }か月にはできません。1～{ $max }か月を選んでください（3なら四半期）
class-host-no-turns = 0ターンの授業ゲームはできません。--turns に1以上を指定してください
class-host-seconds = 1ターンの時間は正の秒数で指定してください
class-host-past-end = { $month }か月目はシナリオの終わり（{ $months }か月）を過ぎています
class-net-cannot-listen-port = { $addr }で待ち受けできません：{ $error }（そのポートを別のプログラムが使っていませんか？ --port { $port } を試してください）
class-net-cannot-listen = { $addr }で待ち受けできません：{ $error }
class-net-cannot-start = ネットワークを開始できません：{ $error }
class-net-error = ネットワークエラー：{ $error }
class-net-cannot-find = ホスト「{ $address }」が見つかりません：{ $error }（教員用コンソールに表示されているとおりにアドレスを入力してください。例：192.168.1.20:{ $port }）
class-net-no-address = ホスト「{ $address }」にはアドレスがありません
class-net-no-socket = ネットワークのソケットを開けません：{ $error }
class-net-cannot-connect = { $host }に接続できません：{ $error }
class-net-lost = { $host }のホストとの接続が切れました：{ $error }
class-net-by-transport = 通信層で接続が切断されました
class-net-by-client = チーム側で接続が切断されました
class-net-by-server = ホスト側で接続が切断されました

## `tradecraft join --headless`（src/cli/class.rs）。
class-cli-joined = { $side }として{ $month }か月目から参加しました
class-cli-heard = { $month }か月目 { $name }（{ $side }）：{ $text }
class-cli-over = 授業ゲームは{ $month }か月目で終了しました; state-hash: { $hash }
class-cli-no-answer = 20秒たっても{ $host }から応答がありません。ホストは起動していますか？ UDPポートは開いていますか？
