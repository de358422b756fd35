# 設定ウィンドウ（src/ui/panels/settings.rs）。
settings-language = 言語：
settings-scale = 表示倍率：
settings-reset = 元に戻す
settings-contrast = ハイコントラスト（プロジェクター向け）
settings-contrast-tip = 黒地に白い文字。表示倍率を上げれば、教室の後ろからでも読めます。
settings-name = あなた（またはチーム）の名前：
settings-name-tip = セーブファイルの名前に使われます。
settings-saved = 次のゲームにも引き継がれます。
