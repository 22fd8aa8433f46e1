<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
  <context>
    <name>Window</name>
    <message>
      <source>&amp;Actual Size (100%)</source>
      <translation>실제 크기(100%)(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Arrange</source>
      <translation>정렬(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Clear Recent Designs</source>
      <translation>최근 디자인 지우기(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>닫기(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Command Palette...</source>
      <translation>명령 팔레트(&amp;C)...</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>복사(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>삭제(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>편집(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Export Design Pack...</source>
      <translation>디자인 팩 내보내기(&amp;E)...</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>파일(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Find...</source>
      <translation>찾기(&amp;F)...</translation>
    </message>
    <message>
      <source>&amp;Fit Drawing</source>
      <translation>도면에 맞추기(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>도움말(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Keyboard Shortcuts</source>
      <translation>키보드 단축키(&amp;K)</translation>
    </message>
    <message>
      <source>&amp;Minimap</source>
      <translation>미니맵(&amp;M)</translation>
    </message>
    <message>
      <source>&amp;New from Template</source>
      <translation>템플릿에서 새로 만들기(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Open...</source>
      <translation>열기(&amp;O)...</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>붙여넣기(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Preferences...</source>
      <translation>환경설정(&amp;P)...</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>종료(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Rename</source>
      <translation>이름 바꾸기(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>저장(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>보기(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Workshop Mode</source>
      <translation>워크숍 모드(&amp;W)</translation>
    </message>
    <message>
      <source>+</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>API</source>
      <translation>API</translation>
    </message>
    <message>
      <source>Actual Size (100%)</source>
      <translation>실제 크기(100%)</translation>
    </message>
    <message>
      <source>Add check (Insert)</source>
      <translation>체크 제약 추가 (Insert)</translation>
    </message>
    <message>
      <source>Add column (Insert)</source>
      <translation>열 추가 (Insert)</translation>
    </message>
    <message>
      <source>Add enum type (Insert)</source>
      <translation>열거형 추가 (Insert)</translation>
    </message>
    <message>
      <source>Add foreign key (Insert)</source>
      <translation>외래 키 추가 (Insert)</translation>
    </message>
    <message>
      <source>Add index (Insert)</source>
      <translation>인덱스 추가 (Insert)</translation>
    </message>
    <message>
      <source>Add table (Ctrl+T)</source>
      <translation>테이블 추가 (Ctrl+T)</translation>
    </message>
    <message>
      <source>Agent config</source>
      <translation>에이전트 설정</translation>
    </message>
    <message>
      <source>Align Bottom</source>
      <translation>아래쪽 맞춤</translation>
    </message>
    <message>
      <source>Align Horizontal Centres</source>
      <translation>가로 가운데 맞춤</translation>
    </message>
    <message>
      <source>Align Left</source>
      <translation>왼쪽 맞춤</translation>
    </message>
    <message>
      <source>Align Right</source>
      <translation>오른쪽 맞춤</translation>
    </message>
    <message>
      <source>Align Top</source>
      <translation>위쪽 맞춤</translation>
    </message>
    <message>
      <source>Align Vertical Centres</source>
      <translation>세로 가운데 맞춤</translation>
    </message>
    <message>
      <source>Arrange</source>
      <translation>정렬</translation>
    </message>
    <message>
      <source>Auto-&amp;Layout</source>
      <translation>자동 배치(&amp;L)</translation>
    </message>
    <message>
      <source>Auto-Layout</source>
      <translation>자동 배치</translation>
    </message>
    <message>
      <source>Blank design</source>
      <translation>빈 디자인</translation>
    </message>
    <message>
      <source>Bodies</source>
      <translation>본문</translation>
    </message>
    <message>
      <source>Checks</source>
      <translation>체크 제약</translation>
    </message>
    <message>
      <source>Clear Recent Designs</source>
      <translation>최근 디자인 지우기</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>닫기</translation>
    </message>
    <message>
      <source>Columns</source>
      <translation>열</translation>
    </message>
    <message>
      <source>Command Palette</source>
      <translation>명령 팔레트</translation>
    </message>
    <message>
      <source>Components</source>
      <translation>구성 요소</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>복사</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>잘라내기(&amp;T)</translation>
    </message>
    <message>
      <source>Cut</source>
      <translation>잘라내기</translation>
    </message>
    <message>
      <source>D&amp;uplicate</source>
      <translation>복제(&amp;U)</translation>
    </message>
    <message>
      <source>DDL preview</source>
      <translation>DDL 미리 보기</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>삭제</translation>
    </message>
    <message>
      <source>Delete check (Ctrl+Delete)</source>
      <translation>체크 제약 삭제 (Ctrl+Delete)</translation>
    </message>
    <message>
      <source>Delete column (Ctrl+Delete)</source>
      <translation>열 삭제 (Ctrl+Delete)</translation>
    </message>
    <message>
      <source>Delete enum type (Ctrl+Delete)</source>
      <translation>열거형 삭제 (Ctrl+Delete)</translation>
    </message>
    <message>
      <source>Delete foreign key (Ctrl+Delete)</source>
      <translation>외래 키 삭제 (Ctrl+Delete)</translation>
    </message>
    <message>
      <source>Delete index (Ctrl+Delete)</source>
      <translation>인덱스 삭제 (Ctrl+Delete)</translation>
    </message>
    <message>
      <source>Delete table</source>
      <translation>테이블 삭제</translation>
    </message>
    <message>
      <source>Distribute Horizontally</source>
      <translation>가로로 균등 분포</translation>
    </message>
    <message>
      <source>Distribute Vertically</source>
      <translation>세로로 균등 분포</translation>
    </message>
    <message>
      <source>Duplicate</source>
      <translation>복제</translation>
    </message>
    <message>
      <source>E-commerce backend (100k to 1M users)</source>
      <translation>전자상거래 백엔드 (사용자 10만~100만)</translation>
    </message>
    <message>
      <source>ERD</source>
      <translation>ERD</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>편집</translation>
    </message>
    <message>
      <source>Enums</source>
      <translation>열거형</translation>
    </message>
    <message>
      <source>Export &amp;Diagram...</source>
      <translation>다이어그램 내보내기(&amp;D)...</translation>
    </message>
    <message>
      <source>Export Design Pack</source>
      <translation>디자인 팩 내보내기</translation>
    </message>
    <message>
      <source>Export Diagram</source>
      <translation>다이어그램 내보내기</translation>
    </message>
    <message>
      <source>File</source>
      <translation>파일</translation>
    </message>
    <message>
      <source>Find</source>
      <translation>찾기</translation>
    </message>
    <message>
      <source>Find any command, or add a component by typing: db Orders</source>
      <translation>명령을 찾거나, 입력해서 구성 요소를 추가합니다: db Orders</translation>
    </message>
    <message>
      <source>Fit Drawing</source>
      <translation>도면에 맞추기</translation>
    </message>
    <message>
      <source>Foreign keys</source>
      <translation>외래 키</translation>
    </message>
    <message>
      <source>GraphQL SDL</source>
      <translation>GraphQL SDL</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>도움말</translation>
    </message>
    <message>
      <source>Indexes</source>
      <translation>인덱스</translation>
    </message>
    <message>
      <source>Inspector</source>
      <translation>속성</translation>
    </message>
    <message>
      <source>Keyboard Shortcuts</source>
      <translation>키보드 단축키</translation>
    </message>
    <message>
      <source>Minimap</source>
      <translation>미니맵</translation>
    </message>
    <message>
      <source>Monolith to microservices (strangler fig)</source>
      <translation>모놀리스에서 마이크로서비스로 (스트랭글러 패턴)</translation>
    </message>
    <message>
      <source>Move check down (Alt+Down)</source>
      <translation>체크 제약 아래로 (Alt+Down)</translation>
    </message>
    <message>
      <source>Move check up (Alt+Up)</source>
      <translation>체크 제약 위로 (Alt+Up)</translation>
    </message>
    <message>
      <source>Move column down (Alt+Down)</source>
      <translation>열 아래로 (Alt+Down)</translation>
    </message>
    <message>
      <source>Move column up (Alt+Up)</source>
      <translation>열 위로 (Alt+Up)</translation>
    </message>
    <message>
      <source>Move enum type down (Alt+Down)</source>
      <translation>열거형 아래로 (Alt+Down)</translation>
    </message>
    <message>
      <source>Move enum type up (Alt+Up)</source>
      <translation>열거형 위로 (Alt+Up)</translation>
    </message>
    <message>
      <source>Move foreign key down (Alt+Down)</source>
      <translation>외래 키 아래로 (Alt+Down)</translation>
    </message>
    <message>
      <source>Move foreign key up (Alt+Up)</source>
      <translation>외래 키 위로 (Alt+Up)</translation>
    </message>
    <message>
      <source>Move index down (Alt+Down)</source>
      <translation>인덱스 아래로 (Alt+Down)</translation>
    </message>
    <message>
      <source>Move index up (Alt+Up)</source>
      <translation>인덱스 위로 (Alt+Up)</translation>
    </message>
    <message>
      <source>New &amp;Bounded Context Around Selection</source>
      <translation>선택 영역으로 바운디드 컨텍스트 만들기(&amp;B)</translation>
    </message>
    <message>
      <source>New &amp;Zone Around Selection</source>
      <translation>선택 영역으로 영역 만들기(&amp;Z)</translation>
    </message>
    <message>
      <source>New Bounded Context Around Selection</source>
      <translation>선택 영역으로 바운디드 컨텍스트 만들기</translation>
    </message>
    <message>
      <source>New Zone Around Selection</source>
      <translation>선택 영역으로 영역 만들기</translation>
    </message>
    <message>
      <source>New from Template</source>
      <translation>템플릿에서 새로 만들기</translation>
    </message>
    <message>
      <source>No recent designs</source>
      <translation>최근 디자인 없음</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>열기</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
      <source>Open Recent</source>
      <translation>최근 파일 열기</translation>
    </message>
    <message>
      <source>OpenAPI 3.1 (leading)</source>
      <translation>OpenAPI 3.1 (기준)</translation>
    </message>
    <message>
      <source>Outline</source>
      <translation>개요</translation>
    </message>
    <message>
      <source>Paste</source>
      <translation>붙여넣기</translation>
    </message>
    <message>
      <source>Preferences</source>
      <translation>환경설정</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>문제</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>종료</translation>
    </message>
    <message>
      <source>Recover Unsaved Designs</source>
      <translation>저장되지 않은 디자인 복구</translation>
    </message>
    <message>
      <source>Recover Unsaved Designs...</source>
      <translation>저장되지 않은 디자인 복구...</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>다시 실행</translation>
    </message>
    <message>
      <source>Rename</source>
      <translation>이름 바꾸기</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>저장</translation>
    </message>
    <message>
      <source>Save &amp;As...</source>
      <translation>다른 이름으로 저장(&amp;A)...</translation>
    </message>
    <message>
      <source>Save As</source>
      <translation>다른 이름으로 저장</translation>
    </message>
    <message>
      <source>Schema</source>
      <translation>스키마</translation>
    </message>
    <message>
      <source>Schema editor</source>
      <translation>스키마 편집기</translation>
    </message>
    <message>
      <source>Sections</source>
      <translation>섹션</translation>
    </message>
    <message>
      <source>Select &amp;All</source>
      <translation>모두 선택(&amp;A)</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>모두 선택</translation>
    </message>
    <message>
      <source>Snap to &amp;Grid</source>
      <translation>격자에 맞춤(&amp;G)</translation>
    </message>
    <message>
      <source>Snap to Grid</source>
      <translation>격자에 맞춤</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>실행 취소</translation>
    </message>
    <message>
      <source>Undo History</source>
      <translation>실행 취소 기록</translation>
    </message>
    <message>
      <source>View</source>
      <translation>보기</translation>
    </message>
    <message>
      <source>Workshop Mode</source>
      <translation>워크숍 모드</translation>
    </message>
    <message>
      <source>Zoom &amp;In</source>
      <translation>확대(&amp;I)</translation>
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation>축소(&amp;O)</translation>
    </message>
    <message>
      <source>Zoom In</source>
      <translation>확대</translation>
    </message>
    <message>
      <source>Zoom Out</source>
      <translation>축소</translation>
    </message>
    <message>
      <source>↑</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>↓</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>−</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
