#!/usr/bin/env bash
# Generates the demo's sample video, Tencent-style sprite sheets and WebVTT.
# The outputs are committed; run this only to change them.
# Needs ffmpeg and ImageMagick (Debian: apt-get install -y ffmpeg imagemagick fonts-dejavu-core).
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=demo/public/media
DURATION=180       # seconds of video
FPS=10
INTERVAL_FRAMES=8  # one tile every 8 frames = 0.8 s, so the sample has 3 sheets
TILE_W=142 TILE_H=80 COLS=10 ROWS=10
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$OUT"
rm -f "$OUT"/imageSprite_10_*.jpg "$OUT"/imageSprite_10.vtt

# Each frame shows its own time (MM:SS.t) in large digits on a background whose hue
# turns with time, plus a progress bar, so a thumbnail can be checked against the frame.
cat > "$work/filter" <<FILTER
color=c=0x2050c0:s=640x360:r=$FPS:d=$DURATION,
hue=H=2*PI*t/60,
drawbox=x=0:y=ih-24:w=iw*t/$DURATION:h=24:color=white@0.85:t=fill,
drawtext=fontfile=$FONT:fontsize=112:fontcolor=white:borderw=6:bordercolor=black:x=(w-tw)/2:y=(h-th)/2-20:text='%{pts\:gmtime\:0\:%M\\\\\:%S}.%{eif\:mod(floor(t*10+0.5)\,10)\:d}',
drawtext=fontfile=$FONT:fontsize=28:fontcolor=white:x=20:y=20:text='vod-sprite-thumbnails sample  frame %{frame_num}'
[v]
FILTER
ffmpeg -hide_banner -loglevel error -y -filter_complex_script "$work/filter" -map '[v]' \
  -c:v libx264 -preset veryslow -crf 32 -tune stillimage -pix_fmt yuv420p -g $((FPS * 4)) \
  -movflags +faststart "$OUT/sample.mp4"

# A poster, so players show a picture before playback on phones (which fetch no frame early).
ffmpeg -hide_banner -loglevel error -y -ss 0 -i "$OUT/sample.mp4" -frames:v 1 -q:v 4 "$OUT/poster.jpg"

# Tiles: the frame at the start of each interval, as Tencent does.
ffmpeg -hide_banner -loglevel error -y -i "$OUT/sample.mp4" \
  -vf "select='not(mod(n\,$INTERVAL_FRAMES))',scale=$TILE_W:$TILE_H:flags=lanczos" \
  -fps_mode passthrough "$work/tile_%05d.png"

tiles=("$work"/tile_*.png)
count=${#tiles[@]}
per_sheet=$((COLS * ROWS))
sheets=$(((count + per_sheet - 1) / per_sheet))
for ((s = 0; s < sheets; s++)); do
  montage "${tiles[@]:s*per_sheet:per_sheet}" -tile "${COLS}x" -geometry "${TILE_W}x${TILE_H}+0+0" \
    -background black -quality 80 "$OUT/imageSprite_10_$s.jpg"
done

# The VTT exactly as Tencent writes it: bare file names with a media fragment.
{
  printf 'WEBVTT\n\n'
  for ((i = 0; i < count; i++)); do
    start_ms=$((i * INTERVAL_FRAMES * 1000 / FPS))
    end_ms=$(((i + 1) * INTERVAL_FRAMES * 1000 / FPS))
    (( end_ms > DURATION * 1000 )) && end_ms=$((DURATION * 1000))
    s=$((i / per_sheet)) k=$((i % per_sheet))
    x=$(((k % COLS) * TILE_W)) y=$(((k / COLS) * TILE_H))
    printf '%02d:%02d:%02d.%03d --> %02d:%02d:%02d.%03d\nimageSprite_10_%d.jpg#xywh=%d,%d,%d,%d\n\n' \
      $((start_ms / 3600000)) $((start_ms / 60000 % 60)) $((start_ms / 1000 % 60)) $((start_ms % 1000)) \
      $((end_ms / 3600000)) $((end_ms / 60000 % 60)) $((end_ms / 1000 % 60)) $((end_ms % 1000)) \
      "$s" "$x" "$y" "$TILE_W" "$TILE_H"
  done
} > "$OUT/imageSprite_10.vtt"

echo "video: $(du -h "$OUT/sample.mp4" | cut -f1), tiles: $count, sheets: $sheets"
du -ch "$OUT"/* | tail -1
