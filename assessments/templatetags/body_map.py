"""The shapes of the body map (ACR 2016 areas, docs/clinical.md 3.1). Data only, no queries.

Front view on the left (the patient's right side is on the viewer's left, as when facing
someone), back view on the right (the patient's left side on the viewer's left). Each of
the 19 areas has exactly one shape, so each is one toggle: 16 on the front, and the neck,
upper back and lower back on the back.
"""

from collections.abc import Callable

from django import template

from assessments.areas import AREA_LABELS
from assessments.scoring import AREAS

register = template.Library()

BACK_OFFSET = 210  # the back view is drawn 210 units to the right of the front view

# Right-hand side of the front view (the patient's right, on the viewer's left).
_RIGHT = {
    "jaw": "M84 44 L103 58 L103 70 Q90 68 84 56 Z",
    "shoulder_girdle": "M99 78 L66 82 Q54 86 53 100 L78 100 L99 92 Z",
    "upper_arm": "M53 103 L75 103 L69 170 L47 167 Z",
    "lower_arm": "M47 171 L69 174 L61 240 L39 236 Z",
    "hip": "M77 199 L103 199 L103 232 L71 232 Q69 214 77 199 Z",
    "upper_leg": "M71 235 L103 235 L99 316 L77 316 Z",
    "lower_leg": "M77 320 L99 320 L96 400 L81 400 Z",
}
_MIDDLE_FRONT = {
    "chest": "M80 96 L130 96 L134 148 L76 148 Z",
    "abdomen": "M76 151 L134 151 L132 196 L78 196 Z",
}
_BACK = {
    "neck": "M305 62 L325 62 L326 82 L304 82 Z",
    "upper_back": "M288 96 L342 96 L344 150 L286 150 Z",
    "lower_back": "M286 153 L344 153 L342 196 L288 196 Z",
}
_OUTLINE_FRONT = [
    "M105 11 C122 11 127 26 127 40 C127 58 117 70 105 70 C93 70 83 58 83 40 C83 26 88 11 105 11 Z",
    "M96 68 L114 68 L115 82 L95 82 Z",
    "M38 238 C30 248 34 262 44 264 C54 264 60 252 60 242 Z",
    "M172 238 C180 248 176 262 166 264 C156 264 150 252 150 242 Z",
    "M81 402 L96 402 L100 414 L74 414 Z",
    "M129 402 L114 402 L110 414 L136 414 Z",
]


def _transform(path: str, x_of: Callable[[int], int]) -> str:
    """Apply ``x_of`` to every x coordinate of a path made of "X Y" pairs after letters."""
    for letter in "MLQCZ":
        path = path.replace(letter, f" {letter} ")
    result, is_x = [], True
    for word in path.split():
        if word.isalpha():
            result.append(word)
            is_x = True
        else:
            result.append(str(x_of(int(word))) if is_x else word)
            is_x = not is_x
    return " ".join(result)


def _mirror(path: str) -> str:
    """Mirror a path of the right side around the body's middle line (x = 105)."""
    return _transform(path, lambda x: 210 - x)


def _shift(path: str, offset: int) -> str:
    return _transform(path, lambda x: x + offset)


def _shapes() -> dict[str, object]:
    paths: dict[str, tuple[str, str]] = {}
    for name, path in _RIGHT.items():
        paths[f"{name}_right"] = ("front", path)
        paths[f"{name}_left"] = ("front", _mirror(path))
    for name, path in _MIDDLE_FRONT.items():
        paths[name] = ("front", path)
    for name, path in _BACK.items():
        paths[name] = ("back", path)
    areas = [
        {"key": key, "label": AREA_LABELS[key], "view": paths[key][0], "d": paths[key][1]}
        for key in AREAS
    ]
    # The back view's outline: the limbs and head of the front, shifted, plus the shoulders.
    back_outline = [_shift(d, BACK_OFFSET) for d in _OUTLINE_FRONT]
    for name in ("shoulder_girdle", "upper_arm", "lower_arm", "hip", "upper_leg", "lower_leg"):
        back_outline.append(_shift(_RIGHT[name], BACK_OFFSET))
        back_outline.append(_shift(_mirror(_RIGHT[name]), BACK_OFFSET))
    return {"areas": areas, "outline": _OUTLINE_FRONT + back_outline}


SHAPES = _shapes()


@register.simple_tag
def body_map_shapes() -> dict[str, object]:
    """The 19 area shapes (key, translated label, view, path) and the outline paths."""
    return SHAPES
