"""The widgets: the capture line, the points, the agenda bar, the key bar and the key queue.

They own their keys and post messages; they may import ``ctxtui.core`` only.
"""
