replywatch run: d1.yaml: the file is empty
