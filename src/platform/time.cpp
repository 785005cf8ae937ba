#include "platform/time.hpp"

#include <chrono>
#include <cstddef>
#include <string>

namespace vigor::platform {

// By hand, without gmtime_r (glibc takes its time-zone lock even for UTC) or snprintf: every
// access-log line and most rows written carry one (issue 16).
std::string FormatRfc3339(std::chrono::system_clock::time_point time) {
  using namespace std::chrono;
  auto ms_since_epoch = floor<milliseconds>(time).time_since_epoch();
  auto day = floor<days>(sys_time<milliseconds>(ms_since_epoch));
  year_month_day date{day};
  hh_mm_ss clock{ms_since_epoch - day.time_since_epoch()};
  std::string out(24, '0');
  auto put = [&out](std::size_t at, int width, long long value) {
    for (std::size_t i = at + static_cast<std::size_t>(width); i-- > at; value /= 10) {
      out[i] = static_cast<char>('0' + value % 10);
    }
  };
  put(0, 4, static_cast<int>(date.year()));
  out[4] = '-';
  put(5, 2, static_cast<unsigned>(date.month()));
  out[7] = '-';
  put(8, 2, static_cast<unsigned>(date.day()));
  out[10] = 'T';
  put(11, 2, clock.hours().count());
  out[13] = ':';
  put(14, 2, clock.minutes().count());
  out[16] = ':';
  put(17, 2, clock.seconds().count());
  out[19] = '.';
  put(20, 3, clock.subseconds().count());
  out[23] = 'Z';
  return out;
}

}  // namespace vigor::platform
