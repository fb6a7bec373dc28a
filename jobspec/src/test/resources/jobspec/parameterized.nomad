# A parameterized batch job and the payload file its task reads.
job "transcode" {
  type = "batch"

  parameterized {
    payload       = "optional"
    meta_required = ["format"]
    meta_optional = ["bitrate", "channels"]
  }

  task "ffmpeg" {
    driver = "exec"

    dispatch_payload {
      file = "input/source.bin"
    }

    config {
      command = "ffmpeg"
    }
  }
}
