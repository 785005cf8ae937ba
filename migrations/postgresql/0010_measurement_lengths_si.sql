-- Circumferences become built-in kinds stored in metres (waist, chest, hips, neck, arm, thigh,
-- calf). Until now they were the user's own kinds with a unit of their choosing: values recorded
-- in cm, mm or in are converted to m here (1 in = 0.0254 m exactly), so the trend of such a kind
-- continues in one unit. A value in any other unit is left as it was. The rows keep their rev:
-- the value is the same length, only written in SI. (value is DOUBLE PRECISION: the arithmetic
-- is the same floating point as SQLite's REAL.)
UPDATE measurements SET value = value / 100, unit = 'm'
  WHERE kind IN ('waist', 'chest', 'hips', 'neck', 'arm', 'thigh', 'calf') AND unit = 'cm';
UPDATE measurements SET value = value / 1000, unit = 'm'
  WHERE kind IN ('waist', 'chest', 'hips', 'neck', 'arm', 'thigh', 'calf') AND unit = 'mm';
UPDATE measurements SET value = value * 0.0254, unit = 'm'
  WHERE kind IN ('waist', 'chest', 'hips', 'neck', 'arm', 'thigh', 'calf') AND unit = 'in';
