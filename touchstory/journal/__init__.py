"""touchstory.journal"""
