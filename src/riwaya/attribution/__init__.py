"""Attribution: who said what, through whom (the isnad), and how each outlet frames it."""
