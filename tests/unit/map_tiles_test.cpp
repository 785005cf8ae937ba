#include "core/map_tiles.hpp"

#include <gtest/gtest.h>

namespace vigor::core {
namespace {

TEST(MapTiles, AcceptsTheUsualTemplates) {
  for (auto* url : {"https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                    "https://{s}.tile.example.org/{z}/{x}/{y}.png",
                    "https://tiles.example.org:8443/osm/{z}/{x}/{y}.png?key=abc&style=2",
                    "https://tiles.example.org/{s}/{z}/{y}/{x}@2x.webp",
                    "http://127.0.0.1:8080/{z}/{x}/{y}.png", "http://localhost/{z}/{x}/{y}.png",
                    "http://[::1]:9000/{z}/{x}/{y}.png"}) {
    EXPECT_EQ(TileUrlProblem(url), std::nullopt) << url;
  }
}

TEST(MapTiles, RefusesEverythingElse) {
  for (auto* url : {"",
                    "tile.example.org/{z}/{x}/{y}.png",
                    "ftp://tile.example.org/{z}/{x}/{y}.png",
                    "http://tile.example.org/{z}/{x}/{y}.png",  // plain http off loopback
                    "http://127.0.0.2/{z}/{x}/{y}.png",
                    "javascript:alert(1)//{z}/{x}/{y}",
                    "https://tile.example.org/{z}/{x}.png",  // no {y}
                    "https://tile.example.org",              // no path
                    "https://tile.example.org/{z}/{x}/{y}/{r}.png",
                    "https://tile.example.org/{z}/{x}/{y}}.png",
                    "https://user:pw@tile.example.org/{z}/{x}/{y}.png",
                    "https://tile.example.org/{z}/{x}/{y}.png?a=b c",
                    "https://tile.example.org/{z}/{x}/{y}.png\"",
                    "https://tile.example.org/{z}/{x}/{y}.png'",
                    "https://tile.example.org/{z}/{x}/{y}.png\n",
                    "https://tile.example.org/{z}/{x}/{y}<.png",
                    "https://tile.exämple.org/{z}/{x}/{y}.png",
                    "https://tile.example.org;script-src:*/{z}/{x}/{y}.png",
                    "https://*.example.org/{z}/{x}/{y}.png",
                    "https://a{s}.example.org/{z}/{x}/{y}.png",
                    "https://{s}.org/{z}/{x}/{y}.png",  // a wildcard over a whole TLD
                    "https://tile.example.org:0/{z}/{x}/{y}.png",
                    "https://tile.example.org:99999/{z}/{x}/{y}.png",
                    "https://tile.example.org:/{z}/{x}/{y}.png",
                    "https://-bad.example.org/{z}/{x}/{y}.png"}) {
    EXPECT_NE(TileUrlProblem(url), std::nullopt) << url;
    EXPECT_EQ(TileImageSource(url), "") << url;
  }
  std::string long_url = "https://tile.example.org/{z}/{x}/{y}.png?k=" + std::string(500, 'a');
  EXPECT_EQ(TileUrlProblem(long_url), "must be at most 500 characters");
}

TEST(MapTiles, ImageSourceIsTheOriginWithAWildcardOnlyForAHostPlaceholder) {
  EXPECT_EQ(TileImageSource("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
            "https://tile.openstreetmap.org");
  EXPECT_EQ(TileImageSource("https://{s}.Tile.Example.org/{z}/{x}/{y}.png"),
            "https://*.tile.example.org");
  EXPECT_EQ(TileImageSource("https://tiles.example.org/{s}/{z}/{x}/{y}.png"),
            "https://tiles.example.org");
  EXPECT_EQ(TileImageSource("http://127.0.0.1:8080/{z}/{x}/{y}.png?x=1"), "http://127.0.0.1:8080");
  EXPECT_EQ(TileImageSource("http://[::1]:9000/{z}/{x}/{y}.png"), "http://[::1]:9000");
}

TEST(MapTiles, AttributionIsShortPlainText) {
  EXPECT_EQ(AttributionProblem(""), std::nullopt);
  EXPECT_EQ(AttributionProblem("© OpenStreetMap contributors"), std::nullopt);
  EXPECT_NE(AttributionProblem("<a href=\"https://evil\">x</a>"), std::nullopt);
  EXPECT_NE(AttributionProblem("line\nbreak"), std::nullopt);
  EXPECT_NE(AttributionProblem(std::string(301, 'a')), std::nullopt);
  EXPECT_EQ(AttributionProblem(std::string(300, 'a')), std::nullopt);
}

}  // namespace
}  // namespace vigor::core
