"""The web app (`riwaya serve`) and the static report (`riwaya report`): views over the store."""
