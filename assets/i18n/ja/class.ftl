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
