#!/usr/bin/env bash
# Generates the demo's sample video, Tencent-style sprite sheets and WebVTT.
# The outputs are committed; run this only to change them.
# Needs ffmpeg and ImageMagick (Debian: apt-get install -y ffmpeg imagemagick fonts-dejavu-core).
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=demo/public/media
DURATION=180       # seconds of video
FPS=10
INTERVAL_FRAMES=8  # one tile every 8 frames = 0.8 s, so the small set has 3 sheets
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$OUT"
rm -f "$OUT"/imageSprite_*.jpg "$OUT"/imageSprite_*.vtt

# Each frame shows its own time (MM:SS.t) in large digits on a background whose hue turns with
# time, its frame number, and a progress bar that grows with time (an overlay moved by t: the
# bar is the only thing that tells neighbouring tiles of one second apart at a glance).
cat > "$work/filter" <<FILTER
color=c=0x2050c0:s=640x360:r=$FPS:d=$DURATION,
hue=H=2*PI*t/60,
drawtext=fontfile=$FONT:fontsize=112:fontcolor=white:borderw=6:bordercolor=black:x=(w-tw)/2:y=(h-th)/2-20:text='%{pts\:gmtime\:0\:%M\\\\\:%S}.%{eif\:mod(floor(t*10+0.5)\,10)\:d}',
drawtext=fontfile=$FONT:fontsize=30:fontcolor=white:borderw=3:bordercolor=black:x=24:y=22:text='frame %{frame_num}'
[bg];
color=c=white:s=640x20:r=$FPS:d=$DURATION [bar];
[bg][bar] overlay=x='-W+W*t/$DURATION':y=H-h:eval=frame
[v]
FILTER
ffmpeg -hide_banner -loglevel error -y -filter_complex_script "$work/filter" -map '[v]' \
  -c:v libx264 -preset veryslow -crf 32 -tune stillimage -pix_fmt yuv420p -g $((FPS * 4)) \
  -movflags +faststart "$OUT/sample.mp4"

# A poster, so players show a picture before playback on phones (which fetch no frame early).
ffmpeg -hide_banner -loglevel error -y -ss 0 -i "$OUT/sample.mp4" -frames:v 1 -q:v 4 "$OUT/poster.jpg"

# One Tencent sprite template: imageSprite_<definition>_<n>.jpg sheets and imageSprite_<definition>.vtt.
# Tiles are the frame at the start of each interval, as Tencent cuts them.
sprite_set() {
  local def=$1 tile_w=$2 tile_h=$3 cols=$4 rows=$5 quality=$6
  local dir="$work/tiles_$def"
  mkdir -p "$dir"
  ffmpeg -hide_banner -loglevel error -y -i "$OUT/sample.mp4" \
    -vf "select='not(mod(n\,$INTERVAL_FRAMES))',scale=$tile_w:$tile_h:flags=lanczos" \
    -fps_mode passthrough "$dir/tile_%05d.png"
  local tiles=("$dir"/tile_*.png)
  local count=${#tiles[@]} per_sheet=$((cols * rows))
  local sheets=$(((count + per_sheet - 1) / per_sheet))
  for ((s = 0; s < sheets; s++)); do
    montage "${tiles[@]:s*per_sheet:per_sheet}" -tile "${cols}x" -geometry "${tile_w}x${tile_h}+0+0" \
      -background black -strip -sampling-factor 4:2:0 -quality "$quality" "$OUT/imageSprite_${def}_$s.jpg"
  done
  # The VTT exactly as Tencent writes it: bare file names with a media fragment.
  {
    printf 'WEBVTT\n\n'
    for ((i = 0; i < count; i++)); do
      local start_ms=$((i * INTERVAL_FRAMES * 1000 / FPS))
      local end_ms=$(((i + 1) * INTERVAL_FRAMES * 1000 / FPS))
      (( end_ms > DURATION * 1000 )) && end_ms=$((DURATION * 1000))
      local s=$((i / per_sheet)) k=$((i % per_sheet))
      local x=$(((k % cols) * tile_w)) y=$(((k / cols) * tile_h))
      printf '%02d:%02d:%02d.%03d --> %02d:%02d:%02d.%03d\nimageSprite_%d_%d.jpg#xywh=%d,%d,%d,%d\n\n' \
        $((start_ms / 3600000)) $((start_ms / 60000 % 60)) $((start_ms / 1000 % 60)) $((start_ms % 1000)) \
        $((end_ms / 3600000)) $((end_ms / 60000 % 60)) $((end_ms / 1000 % 60)) $((end_ms % 1000)) \
        "$def" "$s" "$x" "$y" "$tile_w" "$tile_h"
    done
  } > "$OUT/imageSprite_$def.vtt"
  echo "definition $def: ${tile_w}x${tile_h} tiles, $count tiles on $sheets sheets"
}

# Template 10's layout (142x80, 10x10 a sheet), and a sharper set for 2x/3x screens and the
# full-size scrub preview (284x160, 10x10 a sheet, lower JPEG quality: it is shown at half size
# on a 2x screen, and the demo must stay small).
sprite_set 10 142 80 10 10 80
sprite_set 20 284 160 10 10 55

# Chapters for the sample video (WebVTT kind="chapters"), titles in three scripts so that
# dir="auto" shows (Chinese: "part three", Arabic: "part four").
cat > "$OUT/chapters.vtt" <<'VTT'
WEBVTT

00:00:00.000 --> 00:00:30.000
Opening

00:00:30.000 --> 00:01:00.000
Part two

00:01:00.000 --> 00:01:30.000
第三部分

00:01:30.000 --> 00:02:00.000
الجزء الرابع

00:02:00.000 --> 00:02:50.000
Part five

00:02:50.000 --> 00:03:00.000
Credits
VTT

echo "video: $(du -h "$OUT/sample.mp4" | cut -f1)"
du -ch "$OUT"/* | tail -1
