// Keeps an order page current: joins the order's room with its access token and reloads the page's data
// whenever the order changes (and after a reconnect, in case something was missed).
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "~/domain/events";

export function useOrderUpdates(orderId: string, token: string) {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  useEffect(() => {
    revalidate.current = revalidator.revalidate;
  });
  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io();
    let joinedOnce = false;
    socket.on("connect", () => {
      socket.emit("order:join", { orderId, token }, (reply) => {
        if (reply.ok && joinedOnce) revalidate.current();
        joinedOnce = reply.ok;
        document.documentElement.dataset.orderLive = reply.ok ? "1" : "0";
      });
    });
    socket.on("order:update", () => revalidate.current());
    socket.on("aftersales:update", () => revalidate.current());
    return () => {
      socket.disconnect();
    };
  }, [orderId, token]);
}
